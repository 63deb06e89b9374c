/** Every en message: the shared catalog plus each feature's own, under its namespace. */
import home from "../../features/home/messages/en.json";
import messages from "../../features/messages/messages/en.json";
import news from "../../features/news/messages/en.json";
import occupants from "../../features/occupants/messages/en.json";
import property from "../../features/property/messages/en.json";
import rent from "../../features/rent/messages/en.json";
import report from "../../features/report/messages/en.json";
import notifications from "../../features/settings/notifications/messages/en.json";
import tickets from "../../features/tickets/messages/en.json";
import base from "../en.json";

export default {
  ...base,
  homeScreen: home,
  tickets,
  report,
  notifications,
  news,
  property,
  messages,
  rent,
  occupants,
};
