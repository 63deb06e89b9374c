/** Every fi message of the staff console: each area's own catalog under its namespace. */
import audit from "../../audit/messages/fi.json";
import messages from "../../messages/messages/fi.json";
import news from "../../news/messages/fi.json";
import occupants from "../../occupants/messages/fi.json";
import office from "../../office/messages/fi.json";
import property from "../../property/messages/fi.json";
import shell from "../../shell/messages/fi.json";
import tickets from "../../tickets/messages/fi.json";

export default { shell, tickets, messages, news, property, occupants, office, audit };
