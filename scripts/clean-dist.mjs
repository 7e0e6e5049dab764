#!/usr/bin/env node
// Removes the package's dist/ before a build (run from the package directory by its `build`
// script), so that files of sources that were moved or deleted never linger there and ship.
import { rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
