// Next.js configuration. better-sqlite3 is on Next's built-in server-external list,
// so it needs no entry here.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Keep test builds apart from the one `npm start` serves, so running the suite
  // never replaces the app a user is looking at.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
