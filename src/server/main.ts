/** Starts the product: `npm start` (builds the web app first). */
import { loadConfig } from "./config";
import { buildApp } from "./app";

const config = loadConfig();
const app = await buildApp(config);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
console.log(
  `Hemgenix prior authorization is running at http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}/`,
);
