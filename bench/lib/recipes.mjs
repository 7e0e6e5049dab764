// The corpus: how each snapshot is made. Sizes are what the recipe gave on Node 20
// (TypeScript 6.0.3 and the package versions pinned in bench/package.json); a recipe's
// `nominalBytes` is what `--max-size` compares against, before the file exists.

const ES = ["lib.es2022.d.ts"];
const ES_DOM = ["lib.es2022.d.ts", "lib.dom.d.ts"];

/**
 * `maker`: the script under makers/ that writes the snapshot; `spec`: its argument.
 * typecheck specs are lists of TypeScript programs, each over some packages (units).
 */
export const RECIPES = [
  {
    name: "ts-25mb",
    nominalBytes: 25e6,
    maker: "typecheck",
    about: "type-checks 120 files of lodash-es (checkJs), no default library",
    spec: { programs: [{ units: ["lodash-es"], lib: null, limit: 120 }] },
  },
  {
    name: "ts-140mb",
    nominalBytes: 140e6,
    maker: "typecheck",
    about: "type-checks lodash-es (checkJs) and rxjs's sources in one program, plus 300 lodash-es files without a library",
    spec: {
      programs: [
        { units: ["lodash-es", "rxjs"], lib: ES },
        { units: ["lodash-es"], lib: null, limit: 300 },
      ],
    },
  },
  {
    name: "ts-430mb",
    nominalBytes: 430e6,
    maker: "typecheck",
    about: "type-checks three's sources (checkJs) with @types/node, DOM library",
    spec: { programs: [{ units: ["three-src", "types-node"], lib: ES_DOM }] },
  },
  {
    name: "ts-900mb",
    nominalBytes: 900e6,
    maker: "typecheck",
    about: "ts-430mb's program twice (two separate programs), plus lodash-es and rxjs's sources in a third",
    spec: {
      programs: [
        { units: ["three-src", "types-node"], lib: ES_DOM },
        { units: ["three-src", "types-node"], lib: ES_DOM },
        { units: ["lodash-es", "rxjs"], lib: ES },
      ],
    },
  },
  {
    name: "ts-1400mb",
    nominalBytes: 1400e6,
    maker: "typecheck",
    about: "ts-430mb's program, plus three's examples (checkJs) with @types/three in a second program",
    spec: {
      programs: [
        { units: ["three-src", "types-node"], lib: ES_DOM },
        { units: ["three-examples", "types-three"], lib: ES_DOM },
      ],
    },
  },
  {
    name: "rollup-bundle",
    nominalBytes: 185e6,
    maker: "rollup",
    about: "rollup (@rollup/wasm-node) bundles three, rxjs and lodash-es (ES modules, tree-shaken, with source maps), bundle kept",
    spec: { bundler: "@rollup/wasm-node" },
  },
];
