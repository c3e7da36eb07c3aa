import { m } from "@nexis/i18n/messages";

/** The three workspace roles as `<option>`s. */
export function RoleOptions() {
  return (
    <>
      <option value="agent">{m.role_agent()}</option>
      <option value="admin">{m.role_admin()}</option>
      <option value="owner">{m.role_owner()}</option>
    </>
  );
}
