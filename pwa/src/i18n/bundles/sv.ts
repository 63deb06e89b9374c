/** Every sv message: the shared catalog plus each feature's own, under its namespace. */
import home from "../../features/home/messages/sv.json";
import messages from "../../features/messages/messages/sv.json";
import news from "../../features/news/messages/sv.json";
import occupants from "../../features/occupants/messages/sv.json";
import property from "../../features/property/messages/sv.json";
import rent from "../../features/rent/messages/sv.json";
import report from "../../features/report/messages/sv.json";
import notifications from "../../features/settings/notifications/messages/sv.json";
import tickets from "../../features/tickets/messages/sv.json";
import base from "../sv.json";

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
