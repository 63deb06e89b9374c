import type { RegistrationState } from "../../api/types";

/** A state the office-code form already has, handed to the continue screen once. */
let pending: RegistrationState | null = null;

export function handOver(state: RegistrationState): void {
  pending = state;
}

export function takeHandedOver(): RegistrationState | null {
  const state = pending;
  pending = null;
  return state;
}
