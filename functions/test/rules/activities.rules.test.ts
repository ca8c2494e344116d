import { rulesMatrix } from "./matrix";
import { threadTable } from "./thread";

rulesMatrix("activities", threadTable("activities"));
