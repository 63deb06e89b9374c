/** Every sv message of the staff console: each area's own catalog under its namespace. */
import audit from "../../audit/messages/sv.json";
import messages from "../../messages/messages/sv.json";
import news from "../../news/messages/sv.json";
import occupants from "../../occupants/messages/sv.json";
import office from "../../office/messages/sv.json";
import property from "../../property/messages/sv.json";
import shell from "../../shell/messages/sv.json";
import tickets from "../../tickets/messages/sv.json";

export default { shell, tickets, messages, news, property, occupants, office, audit };
