import { useEffect, useId, useRef, useState } from "preact/hooks";
import { useAction } from "../../components/useAction";
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import { NeedsConnection, ProblemOrOffline, useOnline } from "./connection";
import { turnOff, turnOn } from "./notifications/device";
import { type DeviceState, deviceState, type PushEnv } from "./notifications/push";

type Outcome = "turnedOn" | "turnedOff" | "dismissed" | "blockedNow";

function Steps({
  intro,
  steps,
  testid,
}: {
  intro: MessageKey;
  steps: MessageKey[];
  testid: string;
}) {
  return (
    <div data-testid={testid}>
      <p>{t(intro)}</p>
      <ol class="push-steps">
        {steps.map((step) => (
          <li key={step}>{t(step)}</li>
        ))}
      </ol>
    </div>
  );
}

function Offline() {
  return <NeedsConnection message="notifications.needsConnection" testid="push-offline" />;
}

/**
 * Push on THIS device. Nothing is asked of the browser until the resident taps
 * "Turn on": only then the permission prompt, the subscription and its registration.
 * Turning on or off tells the server: offline the button waits for the connection.
 */
export function SettingsNotificationsDevice({ env }: { env: PushEnv }) {
  const online = useOnline();
  const action = useAction();
  const [state, setState] = useState<DeviceState | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const stateRef = useRef<HTMLDivElement>(null);
  const explainId = useId();

  useEffect(() => {
    let live = true;
    deviceState(env).then(
      (found) => live && setState(found),
      () => live && setState("off"),
    );
    return () => {
      live = false;
    };
  }, [env]);

  /** After a change the old button is gone: the focus goes to what replaced it. */
  function settle(next: DeviceState, said: Outcome) {
    setState(next);
    setOutcome(said);
    queueMicrotask(() => stateRef.current?.focus());
  }

  async function on() {
    setOutcome(null);
    const result = await action.run(() => turnOn(env));
    if (result === "on") settle("on", "turnedOn");
    else if (result === "denied") settle("denied", "blockedNow");
    else if (result === "dismissed") setOutcome("dismissed");
  }

  async function off() {
    setOutcome(null);
    const done = await action.run(async () => {
      await turnOff(env);
      return true;
    });
    if (done) settle("off", "turnedOff");
  }

  return (
    <div class="push-device">
      <ProblemOrOffline
        problem={online ? action.problem : null}
        message="notifications.needsConnection"
        testid="push-offline"
      />
      <div class="push-device__state" ref={stateRef} tabIndex={-1} data-testid="push-state">
        {state === null && <p>{t("notifications.checking")}</p>}
        {state === "unsupported" && (
          <p data-testid="push-unsupported">{t("notifications.unsupported")}</p>
        )}
        {state === "install" && (
          <Steps
            testid="push-install-hint"
            intro="notifications.installIntro"
            steps={[
              "notifications.installShare",
              "notifications.installAdd",
              "notifications.installOpen",
            ]}
          />
        )}
        {state === "denied" && (
          <Steps
            testid="push-denied"
            intro="notifications.deniedIntro"
            steps={[
              "notifications.deniedSite",
              "notifications.deniedAllow",
              "notifications.deniedReload",
            ]}
          />
        )}
        {state === "on" && (
          <>
            <p class="push-device__on" data-testid="push-on">
              <span aria-hidden="true">✓ </span>
              {t("notifications.on")}
            </p>
            {online ? (
              <div class="form__actions">
                <button
                  type="button"
                  class="button"
                  disabled={action.disabled}
                  aria-busy={action.busy ? "true" : undefined}
                  onClick={() => void off()}
                  data-testid="push-turn-off"
                >
                  {action.busy ? t("notifications.working") : t("notifications.turnOff")}
                </button>
              </div>
            ) : (
              <Offline />
            )}
          </>
        )}
        {state === "off" && (
          <>
            <p data-testid="push-off">{t("notifications.off")}</p>
            <p class="field__hint" id={explainId}>
              {t("notifications.turnOnExplain")}
            </p>
            {online ? (
              <div class="form__actions">
                <button
                  type="button"
                  class="button button--primary"
                  disabled={action.disabled}
                  aria-busy={action.busy ? "true" : undefined}
                  aria-describedby={explainId}
                  onClick={() => void on()}
                  data-testid="push-turn-on"
                >
                  {action.busy ? t("notifications.working") : t("notifications.turnOn")}
                </button>
              </div>
            ) : (
              <Offline />
            )}
          </>
        )}
      </div>
      <p class="form__status" role="status" data-testid="push-status">
        {outcome && t(`notifications.${outcome}`)}
      </p>
    </div>
  );
}
