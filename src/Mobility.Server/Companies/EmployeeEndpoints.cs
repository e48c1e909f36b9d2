using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>HR managers' view of their company's employees (administrators see all); the working group never gets here.</summary>
public static class EmployeeEndpoints
{
    public static IEndpointRouteBuilder MapEmployeeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Employees")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator);

        api.MapGet("/companies/{companyId:long}/employees", async ([AsParameters] PageQuery page, long companyId, string? search,
            MobilityDbContext database, CancellationToken cancellation) =>
        {
            if ((page.Problem() ?? QueryFields.TextProblem("search", search)) is { } problem) return problem;
            var employees = database.Employees.Where(e => e.CompanyId == companyId);
            if (!string.IsNullOrWhiteSpace(search))
                employees = employees.Where(e => e.ExternalId.Contains(search) || (e.LastName != null && EF.Functions.ILike(e.LastName, $"%{search}%")));
            var found = await page.ReadAsync(employees.OrderBy(e => e.Id), cancellation);
            return Results.Ok(new Page<EmployeeView>(found.Items.Select(EmployeeView.From).ToList(), found.PageNumber, found.PageSize, found.Total));
        }).WithSummary("A company's employees, a page at a time (search by HR number or family name).");

        api.MapGet("/employees/{employeeId:long}", async Task<IResult> (long employeeId, MobilityDbContext database, CancellationToken cancellation) =>
            await database.Employees.SingleOrDefaultAsync(e => e.Id == employeeId, cancellation) is { } employee
                ? Results.Ok(EmployeeView.From(employee)) : Results.NotFound())
            .WithSummary("One employee.");

        api.MapPost("/companies/{companyId:long}/employees", async Task<IResult> (long companyId, EmployeeInput input, MobilityDbContext database,
            RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var employee = new Employee { CompanyId = companyId, ExternalId = "" };
            var errors = await ApplyAsync(employee, input, isNew: true, database, cancellation);
            if (errors.Any) return errors.Problem();
            database.Employees.Add(employee);
            await database.SaveChangesAsync(cancellation);
            await RequestRematchAsync(database, recompute, employee.Id, "employee added", cancellation);
            return Results.Created($"/api/employees/{employee.Id}", EmployeeView.From(employee));
        }).WithSummary("Adds an employee to a company.");

        api.MapPut("/employees/{employeeId:long}", async Task<IResult> (long employeeId, EmployeeInput input, MobilityDbContext database,
            RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var employee = await database.Employees.SingleAsync(e => e.Id == employeeId, cancellation);
            if (employee.ErasedAt is not null)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Salarié effacé / Employee erased",
                    detail: "Les données de ce salarié ont été effacées. / This employee's data was erased.");
            var errors = await ApplyAsync(employee, input, isNew: false, database, cancellation);
            if (errors.Any) return errors.Problem();
            await database.SaveChangesAsync(cancellation);
            await RequestRematchAsync(database, recompute, employeeId, "employee changed", cancellation);
            return Results.Ok(EmployeeView.From(employee));
        }).WithSummary("Changes an employee.");

        api.MapDelete("/employees/{employeeId:long}", async (long employeeId, MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            await new EmployeeErasure(database, TimeProvider.System).EraseAsync(employeeId, cancellation);
            await RequestRematchAsync(database, recompute, employeeId, "employee erased", cancellation);
            return Results.NoContent();
        }).WithSummary("Erases an employee's personal data (right to erasure); anonymous statistics stay.");
        return endpoints;
    }

    /// <summary>Asks for new proposals in the employee's network (the engine debounces bursts).</summary>
    internal static async Task RequestRematchAsync(MobilityDbContext database, RecomputeQueue recompute, long employeeId, string reason,
        CancellationToken cancellation)
    {
        var networkId = await database.Employees.Where(e => e.Id == employeeId).Select(e => (long?)e.Company!.NetworkId).SingleOrDefaultAsync(cancellation);
        if (networkId is { } network) recompute.Request(network, $"{reason}: {employeeId}", employeeId);
    }

    private static async Task<FieldErrors> ApplyAsync(Employee employee, EmployeeInput input, bool isNew, MobilityDbContext database,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (isNew || input.ExternalId is not null)
        {
            if (string.IsNullOrWhiteSpace(input.ExternalId)) errors.Add("externalId", "Matricule obligatoire. / HR number required.");
            else if (await database.Employees.AnyAsync(e => e.CompanyId == employee.CompanyId && e.ExternalId == input.ExternalId && e.Id != employee.Id, cancellation))
                errors.Add("externalId", $"Le matricule « {input.ExternalId} » existe déjà. / HR number '{input.ExternalId}' already exists.");
        }
        // Only the company's own plants: a foreign site gets the same answer as a missing one.
        var plantId = isNew ? input.MainSiteId : input.MainSiteId ?? employee.MainSiteId;
        var plant = plantId is { } siteId
            ? await database.Sites.Where(s => s.Id == siteId && s.CompanyId == employee.CompanyId).Select(s => s.Location).SingleOrDefaultAsync(cancellation)
            : null;
        if ((isNew || input.MainSiteId is not null) && plant is null)
            errors.Add("mainSiteId", "Choisissez un site de l'entreprise. / Choose one of the company's sites.");
        if (isNew && input.Commute?.Home is null) errors.Add("commute.home", "Domicile obligatoire. / Home required.");
        (input.Commute ?? new CommuteProfileInput(null, null, null, null, null, null, null, null, null))
            .TryApply(employee, plant, errors, plantChanged: input.MainSiteId is { } newPlant && newPlant != employee.MainSiteId);
        if (errors.Any) return errors;
        if (input.ExternalId is not null) employee.ExternalId = input.ExternalId.Trim();
        if (input.FirstName is not null) employee.FirstName = input.FirstName.Trim();
        if (input.LastName is not null) employee.LastName = input.LastName.Trim();
        if (input.MainSiteId is { } main) employee.MainSiteId = main;
        return errors;
    }
}
