#!/usr/bin/env node
// The bundled CLI (npm run build); see scripts/build.ts.
import "../dist/cli.js";
