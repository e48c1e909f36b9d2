using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
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

        api.MapGet("/companies/{companyId:long}/employees", ListEmployeesAsync)
            .WithSummary("A company's employees, a page at a time: searched (names, HR number, e-mail; accents and case aside), filtered and sorted.");
        api.MapGet("/employees/{employeeId:long}", ReadEmployeeAsync).WithSummary("One employee.");
        api.MapPost("/companies/{companyId:long}/employees", AddEmployeeAsync).WithSummary("Adds an employee to a company.");
        api.MapPut("/employees/{employeeId:long}", ChangeEmployeeAsync).WithSummary("Changes an employee.");
        api.MapDelete("/employees/{employeeId:long}", EraseEmployeeAsync)
            .WithSummary("Erases an employee's personal data (right to erasure); anonymous statistics stay.");
        api.MapPost("/companies/{companyId:long}/invitations", InviteEmployeesAsync)
            .WithSummary("Invites employees to accounts by a one-time link mailed to their work e-mail (those named, or all without an account): the outcome per person.");
        return endpoints;
    }

    private static async Task<IResult> InviteEmployeesAsync(long companyId, InvitationRequest request, HttpContext http, MobilityDbContext database,
        AccountCreation creation, CancellationToken cancellation)
    {
        if (EmployeeInvitations.Check(request) is { Any: true } errors) return errors.Problem();
        return Results.Ok(await EmployeeInvitations.InviteAsync(database, creation, CurrentUser.From(http.User)!, companyId, request, cancellation));
    }

    private static async Task<IResult> ListEmployeesAsync([AsParameters] EmployeeListQuery query, long companyId, MobilityDbContext database,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (query.Problem() is { } problem) return problem;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Results.Ok(await EmployeeDirectory.ListAsync(database, companyId, query, today, cancellation));
    }

    private static async Task<IResult> ReadEmployeeAsync(long employeeId, MobilityDbContext database, CancellationToken cancellation) =>
        await database.Employees.SingleOrDefaultAsync(e => e.Id == employeeId, cancellation) is { } employee
            ? Results.Ok(EmployeeView.From(employee)) : Results.NotFound();

    private static async Task<IResult> AddEmployeeAsync(long companyId, EmployeeInput input, MobilityDbContext database,
        RecomputeQueue recompute, IConfiguration configuration, HomeRulesSource homes, CancellationToken cancellation)
    {
        var employee = new Employee { CompanyId = companyId, ExternalId = "" };
        var errors = await input.TryApplyAsync(employee, isNew: true, database, configuration, homes.Rules, cancellation);
        if (errors.Any) return errors.Problem();
        database.Employees.Add(employee);
        await database.SaveChangesAsync(cancellation);
        await EmployeeChanges.RequestRematchAsync(database, recompute, employee.Id, "employee added", cancellation);
        return Results.Created($"/api/employees/{employee.Id}", EmployeeView.From(employee));
    }

    private static async Task<IResult> ChangeEmployeeAsync(long employeeId, EmployeeInput input, MobilityDbContext database,
        RecomputeQueue recompute, IConfiguration configuration, HomeRulesSource homes, CancellationToken cancellation)
    {
        var employee = await database.Employees.SingleAsync(e => e.Id == employeeId, cancellation);
        if (employee.ErasedAt is not null)
            return CodedProblem.Create(StatusCodes.Status409Conflict, Codes.Problem.EmployeeErased);
        var errors = await input.TryApplyAsync(employee, isNew: false, database, configuration, homes.Rules, cancellation);
        if (errors.Any) return errors.Problem();
        await database.SaveChangesAsync(cancellation);
        await EmployeeChanges.RequestRematchAsync(database, recompute, employeeId, "employee changed", cancellation);
        return Results.Ok(EmployeeView.From(employee));
    }

    private static async Task<IResult> EraseEmployeeAsync(long employeeId, MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation)
    {
        await EmployeeChanges.EraseAsync(database, recompute, employeeId, cancellation);
        return Results.NoContent();
    }
}
