export * from "./normalize-item.ts";
