import type { ComponentChildren } from "preact";
import { formatDate, formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf, stOr } from "../i18n/st";
import { detail, type RegisterEntry, reportedName, type StaffOccupantChange } from "./api";

function Fact({
  term,
  children,
  testid,
}: {
  term: string;
  children: ComponentChildren;
  testid?: string;
}) {
  return (
    <>
      <dt>{term}</dt>
      <dd data-testid={testid}>{children}</dd>
    </>
  );
}

function fullName(person: RegisterEntry): string {
  return `${person.firstName} ${person.lastName}`;
}

/** The person a move-out or name change is about, from the register when the server sends it. */
function subject(change: StaffOccupantChange): RegisterEntry | undefined {
  return change.register?.find((p) => p.id === change.occupantId);
}

/** The report itself: kind, home, who and when, and the decision once made. */
export function ChangeFacts({ change }: { change: StaffOccupantChange }) {
  const lang = language.value;
  return (
    <section aria-labelledby="change-facts">
      <h2 id="change-facts">{st("occupants.change.details")}</h2>
      <dl class="facts" data-testid="change-facts">
        <Fact term={st("occupants.change.kind")}>
          {stOr(`occupants.kind.${change.kind}`, change.kind)}
        </Fact>
        <Fact term={st("occupants.change.status")} testid="change-status">
          {stOr(`occupants.status.${change.status}`, change.status)}
        </Fact>
        <Fact term={st("occupants.change.home")}>
          {stf("occupants.home", { property: change.propertyName, unit: change.unit })}
        </Fact>
        <Fact term={st("occupants.change.lease")}>{change.leaseNumber}</Fact>
        <Fact term={st("occupants.change.reportedBy")}>
          {change.reportedByName || st("occupants.tenant")}
        </Fact>
        <Fact term={st("occupants.change.reportedAt")}>
          {formatDateTime(change.reportedAt, lang)}
        </Fact>
        {change.decidedAt && (
          <Fact term={st("occupants.change.decidedAt")}>
            {formatDateTime(change.decidedAt, lang)}
          </Fact>
        )}
        {change.reason && (
          <Fact term={st("occupants.change.reason")} testid="change-reason">
            {change.reason}
          </Fact>
        )}
      </dl>
    </section>
  );
}

/** What the register would get: the reported fields, by kind. */
export function WhatChanges({ change }: { change: StaffOccupantChange }) {
  const lang = language.value;
  const date = (field: string) => formatDate(detail(change, field), lang);
  const person = subject(change);
  const personName = person ? fullName(person) : st("occupants.change.unknownPerson");
  return (
    <section aria-labelledby="change-what">
      <h2 id="change-what">{st("occupants.change.what")}</h2>
      <dl class="facts" data-testid="change-what">
        {change.kind === "move_in" && (
          <>
            <Fact term={st("occupants.change.name")}>{reportedName(change)}</Fact>
            <Fact term={st("occupants.change.birthDate")}>{date("birthDate")}</Fact>
            <Fact term={st("occupants.change.movesInOn")}>{date("movesInOn")}</Fact>
          </>
        )}
        {change.kind === "birth" && (
          <>
            <Fact term={st("occupants.change.name")}>{reportedName(change)}</Fact>
            <Fact term={st("occupants.change.birthDate")}>{date("birthDate")}</Fact>
          </>
        )}
        {change.kind === "move_out" && (
          <>
            <Fact term={st("occupants.change.person")}>{personName}</Fact>
            <Fact term={st("occupants.change.movesOutOn")}>{date("movesOutOn")}</Fact>
          </>
        )}
        {change.kind === "name_change" && (
          <>
            <Fact term={st("occupants.change.currentName")}>{personName}</Fact>
            <Fact term={st("occupants.change.newName")}>{reportedName(change)}</Fact>
            <Fact term={st("occupants.change.effectiveOn")}>{date("effectiveOn")}</Fact>
          </>
        )}
      </dl>
      {(change.kind === "move_in" || change.kind === "birth") && (
        <p class="staff-small">{st("occupants.change.noIdentityCode")}</p>
      )}
    </section>
  );
}

/** The home's register as it is now (when the server sends it), the report's person marked. */
export function HomeRegister({ change }: { change: StaffOccupantChange }) {
  const lang = language.value;
  const home = stf("occupants.home", { property: change.propertyName, unit: change.unit });
  const register = change.register;
  return (
    <section aria-labelledby="change-register">
      <h2 id="change-register">{st("occupants.register.heading")}</h2>
      {!register ? (
        <p class="notice" data-testid="register-unavailable">
          {st("occupants.register.unavailable")}
        </p>
      ) : register.length === 0 ? (
        <p class="notice">{st("occupants.register.empty")}</p>
      ) : (
        <table class="staff-table" data-testid="register-table">
          <caption class="visually-hidden">{stf("occupants.register.caption", { home })}</caption>
          <thead>
            <tr>
              <th scope="col">{st("occupants.register.name")}</th>
              <th scope="col">{st("occupants.register.role")}</th>
              <th scope="col">{st("occupants.register.movedInOn")}</th>
              <th scope="col">{st("occupants.register.movedOutOn")}</th>
            </tr>
          </thead>
          <tbody>
            {register.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {fullName(p)}
                  {p.id === change.occupantId && (
                    <>
                      {" "}
                      <span class="staff-badge">{st("occupants.register.subject")}</span>
                    </>
                  )}
                </th>
                <td>{stOr(`occupants.role.${p.role}`, p.role)}</td>
                <td>{formatDate(p.movedInOn, lang)}</td>
                <td>{p.movedOutOn ? formatDate(p.movedOutOn, lang) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
