// The settings sections take the shared form parts from here as well.
export * from "../shared/formParts";
