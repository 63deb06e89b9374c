/** Every fi message: the shared catalog plus each feature's own, under its namespace. */
import home from "../../features/home/messages/fi.json";
import messages from "../../features/messages/messages/fi.json";
import news from "../../features/news/messages/fi.json";
import occupants from "../../features/occupants/messages/fi.json";
import property from "../../features/property/messages/fi.json";
import rent from "../../features/rent/messages/fi.json";
import report from "../../features/report/messages/fi.json";
import notifications from "../../features/settings/notifications/messages/fi.json";
import tickets from "../../features/tickets/messages/fi.json";
import base from "../fi.json";

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
