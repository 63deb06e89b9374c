import type { ResidentPrincipal } from "../../api/types";
import { HomeChoice } from "../../components/HomeChoice";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import type { MessageKey } from "../../i18n/catalog";
import { formatDate, formatMoney } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { InvoiceRow, RentSummaryRow } from "../../offline/views";
import { activeHome } from "../../state/activeHome";
import { language } from "../../state/language";
import { useRow, useRows } from "../../state/sync";
import { CopyValue } from "./CopyValue";
import "./rent.css";

const STATUS: Record<string, MessageKey> = {
  paid: "rent.status.paid",
  partially_paid: "rent.status.partially_paid",
  unpaid: "rent.status.unpaid",
  overdue: "rent.status.overdue",
};

/** Newest first: by period, then due date. */
export function newestFirst(invoices: readonly InvoiceRow[]): InvoiceRow[] {
  return [...invoices].sort(
    (a, b) =>
      b.periodStart.localeCompare(a.periodStart) ||
      b.dueDate.localeCompare(a.dueDate) ||
      b.id.localeCompare(a.id),
  );
}

/** A reference or account number as typed into a bank: without the reading spaces. */
export function compact(value: string): string {
  return value.replace(/\s+/g, "");
}

/** Rent: arrears, balance and invoices with what is needed to pay them (main tenant). */
export function RentScreen({ principal }: { principal: ResidentPrincipal }) {
  const home = activeHome(principal.homes);
  const isMain = home?.access === "main_tenant";
  return (
    <Screen title="rent.title" heading={t("rent.title")} headingTestid="rent-heading">
      <HomeChoice homes={principal.homes} id="rent-home" />
      {home && isMain ? (
        <RentOfHome leaseId={home.leaseId} />
      ) : (
        <p class="notice" data-testid="rent-not-main-tenant">
          {t("rent.notMainTenant")}
        </p>
      )}
    </Screen>
  );
}

function RentOfHome({ leaseId }: { leaseId: string }) {
  const summary = useRow<RentSummaryRow>(`rent/${leaseId}/summary`);
  const rows = useRows<InvoiceRow>(`rent/${leaseId}/invoice/`);
  if (summary === null || rows === null) {
    return <SyncWaiting loading="rent.loading" unavailable="rent.unavailable" testid="rent" />;
  }
  if (summary === undefined) {
    return (
      <p class="notice" data-testid="rent-missing">
        {t("rent.missing")}
      </p>
    );
  }
  const invoices = newestFirst(rows.map((row) => row.value));
  return (
    <>
      <RentSummary summary={summary} />
      <section aria-labelledby="rent-invoices-heading">
        <h2 id="rent-invoices-heading">{t("rent.invoicesHeading")}</h2>
        {invoices.length === 0 ? (
          <p data-testid="rent-no-invoices">{t("rent.noInvoices")}</p>
        ) : (
          <ul class="plain-list rent-invoices" data-testid="rent-invoices">
            {invoices.map((invoice) => (
              <Invoice key={invoice.id} invoice={invoice} currency={summary.currency} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function RentSummary({ summary }: { summary: RentSummaryRow }) {
  const lang = language.value;
  const money = (cents: number) => formatMoney(cents, summary.currency, lang);
  return (
    <section aria-labelledby="rent-summary-heading" class="rent-summary">
      <h2 id="rent-summary-heading">{t("rent.summaryHeading")}</h2>
      {summary.debtCents > 0 ? (
        <div class="problem-box rent-debt" data-testid="rent-debt">
          <p class="problem-box__title rent-debt__amount">
            {tf("rent.debt", { amount: money(summary.debtCents) })}
          </p>
          {summary.overdueCount > 0 && (
            <p data-testid="rent-overdue-count">
              {summary.overdueCount === 1
                ? t("rent.overdueOne")
                : tf("rent.overdueMany", { count: String(summary.overdueCount) })}
            </p>
          )}
          <p>{t("rent.debtHelp")}</p>
        </div>
      ) : (
        <p class="notice" data-testid="rent-no-debt">
          {t("rent.noDebt")}
        </p>
      )}
      <p data-testid="rent-balance">
        {summary.balanceCents < 0
          ? tf("rent.balanceAdvance", { amount: money(-summary.balanceCents) })
          : tf("rent.balance", { amount: money(summary.balanceCents) })}
      </p>
      <p class="note">{t("rent.balanceHelp")}</p>
    </section>
  );
}

function Invoice({ invoice, currency }: { invoice: InvoiceRow; currency: string }) {
  const lang = language.value;
  const cur = invoice.currency || currency;
  const money = (cents: number) => formatMoney(cents, cur, lang);
  const headingId = `rent-invoice-${invoice.id}`;
  const status = STATUS[invoice.status];
  const open = invoice.openCents > 0 && invoice.status !== "paid";
  return (
    <li
      class={`card rent-invoice rent-invoice--${invoice.status}`}
      aria-labelledby={headingId}
      data-testid={`rent-invoice-${invoice.id}`}
    >
      <h3 id={headingId} class="rent-invoice__title">
        {tf("rent.period", {
          start: formatDate(invoice.periodStart, lang),
          end: formatDate(invoice.periodEnd, lang),
        })}
      </h3>
      <p class="rent-invoice__status">
        {t("rent.statusLabel")}:{" "}
        <strong
          class={`rent-status rent-status--${invoice.status}`}
          data-testid={`rent-invoice-status-${invoice.id}`}
        >
          {status ? t(status) : invoice.status}
        </strong>
      </p>
      <dl class="facts rent-facts">
        <div>
          <dt>{t("rent.dueDate")}</dt>
          <dd>{formatDate(invoice.dueDate, lang)}</dd>
        </div>
        <div>
          <dt>{t("rent.amount")}</dt>
          <dd>{money(invoice.amountCents)}</dd>
        </div>
        <div>
          <dt>{t("rent.paid")}</dt>
          <dd>{money(invoice.paidCents)}</dd>
        </div>
        <div>
          <dt>{t("rent.open")}</dt>
          <dd data-testid={`rent-invoice-open-${invoice.id}`}>{money(invoice.openCents)}</dd>
        </div>
      </dl>
      {open && <PaymentDetails invoice={invoice} amount={money(invoice.openCents)} />}
    </li>
  );
}

function PaymentDetails({ invoice, amount }: { invoice: InvoiceRow; amount: string }) {
  const iban = typeof invoice.iban === "string" && invoice.iban !== "" ? invoice.iban : null;
  const barcode =
    typeof invoice.barcode === "string" && invoice.barcode !== "" ? invoice.barcode : null;
  const testid = `rent-pay-${invoice.id}`;
  return (
    <section class="rent-pay" aria-label={t("rent.payHeading")} data-testid={testid}>
      <h4>{t("rent.payHeading")}</h4>
      <p>{tf("rent.payAmount", { amount })}</p>
      <dl class="facts rent-pay__list">
        <div>
          <dt>{t("rent.recipient")}</dt>
          <dd data-testid={`${testid}-recipient`}>{invoice.recipient}</dd>
        </div>
        {iban && (
          <CopyValue
            label={t("rent.iban")}
            copyLabel={t("rent.copyIban")}
            value={iban}
            copyText={compact(iban)}
            testid={`${testid}-iban`}
          />
        )}
        {invoice.reference && (
          <CopyValue
            label={t("rent.reference")}
            copyLabel={t("rent.copyReference")}
            value={invoice.reference}
            copyText={compact(invoice.reference)}
            testid={`${testid}-reference`}
          />
        )}
        {invoice.rfReference && (
          <CopyValue
            label={t("rent.rfReference")}
            copyLabel={t("rent.copyRfReference")}
            value={invoice.rfReference}
            copyText={compact(invoice.rfReference)}
            testid={`${testid}-rf`}
          />
        )}
        {barcode && (
          <CopyValue
            label={t("rent.barcode")}
            copyLabel={t("rent.copyBarcode")}
            value={barcode}
            testid={`${testid}-barcode`}
            long
          />
        )}
      </dl>
      {barcode && invoice.paidCents > 0 && (
        <p class="note" data-testid={`${testid}-barcode-note`}>
          {tf("rent.barcodePartly", { amount })}
        </p>
      )}
    </section>
  );
}
