import base from "@nexis/eslint-config/base";

export default [...base, { ignores: ["src/generated/**"] }];
