import { rulesMatrix } from "./matrix";
import { threadTable } from "./thread";

rulesMatrix("comments", threadTable("comments"));
