// The fixed service: sessions end with their request.
import { serviceScenario } from "./service.mjs";

export default serviceScenario(false);
