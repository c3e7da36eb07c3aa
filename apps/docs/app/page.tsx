import { redirect } from "next/navigation";

/** The docs live under /docs; the bare origin sends readers there. */
export default function HomePage() {
  redirect("/docs");
}
