import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { st, stf, stOr } from "../i18n/st";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { listProperties } from "./api";

/** /staff/property: the properties the editor may edit, with the texts missing per language. */
export function StaffPropertyScreen(_props: StaffScreenProps) {
  const list = useLoad(listProperties, []);
  const items = [...(list.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <StaffScreen title="property.title" heading={st("property.title")}>
      {list.status === "failed" && (
        <>
          <ErrorAlert problem={list.problem} />
          <button type="button" class="button" onClick={list.reload}>
            {st("property.tryAgain")}
          </button>
        </>
      )}
      <p role="status" class="staff-small">
        {list.status === "loading" ? st("property.loading") : ""}
      </p>
      {list.data && items.length === 0 && <p class="notice">{st("property.list.empty")}</p>}
      {items.length > 0 && (
        <table class="staff-table" data-testid="property-table">
          <caption class="visually-hidden">
            {stf("property.list.caption", { n: String(items.length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{st("property.col.name")}</th>
              <th scope="col">{st("property.col.code")}</th>
              <th scope="col">{st("property.col.missingSv")}</th>
              <th scope="col">{st("property.col.missingEn")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-testid={`property-row-${p.id}`}>
                <th scope="row">
                  <Link href={`/staff/property/${p.id}`}>{p.name}</Link>
                </th>
                <td>{p.code}</td>
                {(["sv", "en"] as const).map((lang) => {
                  const missing = p.missing[lang] ?? [];
                  return (
                    <td key={lang}>
                      {missing.length === 0 ? (
                        <span class="staff-small">{st("property.list.complete")}</span>
                      ) : (
                        <>
                          <span class="staff-badge staff-badge--alert">
                            {stf("property.list.missingCount", { n: String(missing.length) })}
                          </span>{" "}
                          <span class="staff-small">
                            {missing.map((f) => stOr(`property.field.${f}`, f)).join(", ")}
                          </span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffScreen>
  );
}
