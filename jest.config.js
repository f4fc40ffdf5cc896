/** @type {import('jest').Config} */
module.exports = {
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  // Component tests opt into a DOM with a `@jest-environment jsdom` docblock.
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Transpile only (isolatedModules): fast; type checking is `npm run typecheck`.
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node10",
          isolatedModules: true,
          jsx: "react-jsx",
        },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "jsx", "json"],
  moduleNameMapper: {
    // office-addin-mock 4 requires office-addin-manifest, whose entry point is ESM-only under Jest 30.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/lib/"],
  testTimeout: 120000,
};
