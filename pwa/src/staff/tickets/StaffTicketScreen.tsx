import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { st, stf } from "../i18n/st";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { getStaffUsers, getTicket } from "./api";
import { TicketContact, TicketFacts, TicketMustKnow } from "./TicketDetails";
import { TicketActions } from "./TicketForms";
import { TicketPhotos, TicketTimeline } from "./TicketTimeline";

/** /staff/tickets/<id>: the whole ticket (internal notes too) and what staff can do. */
export function StaffTicketScreen({ principal, params }: StaffScreenProps) {
  const id = params[0] ?? "";
  const load = useLoad(() => getTicket(id), [id]);
  const staff = useLoad(getStaffUsers, []);
  const [message, setMessage] = useState("");
  const ticket = load.data;

  return (
    <StaffScreen
      title="tickets.ticket.title"
      heading={
        ticket
          ? stf("tickets.ticket.heading", { number: ticket.number })
          : st("tickets.ticket.title")
      }
      headingTestid="ticket-heading"
    >
      <p>
        <Link href="/staff/tickets">{st("tickets.ticket.back")}</Link>
      </p>
      <p role="status" data-testid="ticket-message">
        {load.status === "loading" && !ticket ? st("tickets.loading") : message}
      </p>
      {load.status === "failed" && (
        <>
          <ErrorAlert problem={load.problem} />
          <button type="button" class="button" onClick={load.reload}>
            {st("tickets.tryAgain")}
          </button>
        </>
      )}
      {ticket && (
        <div class="staff-columns">
          <div>
            <TicketMustKnow ticket={ticket} />
            <TicketFacts ticket={ticket} />
            <section aria-labelledby="ticket-description">
              <h2 id="ticket-description">{st("tickets.ticket.description")}</h2>
              <p class="staff-pre" data-testid="ticket-description-text">
                {ticket.description}
              </p>
            </section>
            <TicketContact ticket={ticket} />
            <TicketPhotos ticket={ticket} />
            <TicketTimeline ticket={ticket} />
          </div>
          <TicketActions
            key={ticket.updatedAt}
            ticket={ticket}
            user={principal}
            staff={staff.data ?? []}
            onDone={(text) => {
              setMessage(text);
              load.reload();
            }}
          />
        </div>
      )}
    </StaffScreen>
  );
}
