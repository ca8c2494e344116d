import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// Components never reach Firebase in these tests: the modules that connect are replaced.
vi.mock("../src/firebase", () => ({ auth: { currentUser: null }, firebaseApp: {}, onEmulators: true }));
vi.mock("../src/firestore", () => ({ db: {} }));

afterEach(() => cleanup());
