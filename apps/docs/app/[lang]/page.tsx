import { redirect } from "next/navigation";
import { docsHome } from "@/lib/i18n";

/** The docs live under /docs; the bare origin (or /pt-br, /es) sends readers there. */
export default async function HomePage({ params }: { params: Promise<{ lang: string }> }) {
  redirect(docsHome((await params).lang));
}
