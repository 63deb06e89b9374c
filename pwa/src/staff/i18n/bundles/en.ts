/** Every en message of the staff console: each area's own catalog under its namespace. */
import audit from "../../audit/messages/en.json";
import messages from "../../messages/messages/en.json";
import news from "../../news/messages/en.json";
import occupants from "../../occupants/messages/en.json";
import office from "../../office/messages/en.json";
import property from "../../property/messages/en.json";
import shell from "../../shell/messages/en.json";
import tickets from "../../tickets/messages/en.json";

export default { shell, tickets, messages, news, property, occupants, office, audit };
