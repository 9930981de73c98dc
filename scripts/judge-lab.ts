// `npm run judge-lab -- <command>`: the Judge Lab CLI (see lib/cli/main.ts).
import { defaultMigrationsFolder, runCli } from "@/lib/cli/main";

process.exitCode = await runCli(process.argv.slice(2), { migrationsFolder: defaultMigrationsFolder(import.meta.dirname) });
