// Who is signed in, as GET /api/me tells.
import { api } from "./http";

export type Role = "Employee" | "HrManager" | "WorkingGroup" | "Administrator";
export interface Account {
  id: number; email: string; role: Role; displayName: string | null;
  networkId: number | null; companyId: number | null; employeeId: number | null; mustChangePassword: boolean;
}

export const readAccount = () => api<Account>("/api/me");
export const signIn = (email: string, password: string) =>
  api("/api/auth/login?useCookies=true", { json: { email, password } });
export const signOut = () => api("/api/auth/logout", { method: "POST" });
