/** Tailwind 4 runs as a PostCSS plugin under Next.js. */
export default {
  plugins: { "@tailwindcss/postcss": {} },
};
