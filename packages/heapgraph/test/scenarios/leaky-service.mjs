// A service scenario: each request leaves its Session in the module's `sessions` array.
import { serviceScenario } from "./service.mjs";

export default serviceScenario(true);
