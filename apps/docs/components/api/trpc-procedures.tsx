import { groupProcedures, inputFields, loadProcedures, procedureAnchor, routerAnchor, type Procedure } from "@/lib/procedures";

function ProcedureInput({ procedure }: { procedure: Procedure }) {
  if (procedure.input === null) return <p>No input.</p>;
  const fields = inputFields(procedure.input);
  if (fields === null) {
    return <pre className="overflow-x-auto text-xs">{JSON.stringify(procedure.input, null, 2)}</pre>;
  }
  if (fields.length === 0) return <p>An empty object.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Field</th>
          <th>Type</th>
          <th>Notes</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.name}>
            <td>
              <code>{field.name}</code>
              {field.required ? "" : " (optional)"}
            </td>
            <td>
              <code>{field.type}</code>
            </td>
            <td>{[field.description, ...field.notes].filter(Boolean).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Every procedure of the API server's router with its input, grouped by domain router. Rendered
 * at build time from `apps/server/procedures.json`, which `pnpm --filter server procedures:export`
 * writes from the router itself, so this page cannot list a procedure that does not exist.
 */
export function TrpcProcedures() {
  const groups = groupProcedures(loadProcedures());
  return (
    <>
      {groups.map((group) => {
        const title = group.router ?? "Root procedures";
        return (
          <section key={title}>
            <h3 id={routerAnchor(group.router)}>{group.router ? <code>{group.router}</code> : title}</h3>
            {group.procedures.map((procedure) => (
              <div key={procedure.path} data-procedure={procedure.path}>
                <h4 id={procedureAnchor(procedure.path)}>
                  <code>{procedure.path}</code> <small className="font-normal text-fd-muted-foreground">{procedure.type}</small>
                </h4>
                <ProcedureInput procedure={procedure} />
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
