/**
 * The sync wire types (DESIGN §5), generated from the server's msgspec structs
 * (`sync/protocol.py` → `protocol.gen.ts`). Everything in `offline/` imports them from here.
 */
export type {
  ClearOp,
  DelOp,
  Mutation,
  MutationResult,
  PatchOp,
  PokeEvent,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  SchemaVersionProblem,
  SyncProblem,
} from "./protocol.gen";
export { SCHEMA_VERSION } from "./protocol.gen";

/** The problem `type` of the 409 answer to an unsupported `schemaVersion`: update the app. */
export const SCHEMA_VERSION_PROBLEM: import("./protocol.gen").SchemaVersionProblem["type"] =
  "/problems/sync-schema-version";
