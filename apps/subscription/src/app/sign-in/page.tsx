import { Button, Card } from "@nexis/ui";
import { signIn } from "~/app/actions";
import { Notice } from "~/components/notice";
import { translator } from "~/lib/i18n";

const field = "mt-1 block w-full rounded-lg border border-slate-300 bg-transparent px-3 py-2 text-sm dark:border-slate-700";

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { error, next } = await searchParams;
  const { t } = await translator();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">{t("billing_sign_in_title")}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("billing_sign_in_intro")}</p>
        {error ? (
          <div className="mt-4">
            <Notice tone="error">{error === "unreachable" ? t("billing_sign_in_unreachable") : t("billing_sign_in_failed")}</Notice>
          </div>
        ) : null}
        <form action={signIn} className="mt-6 space-y-4">
          <input type="hidden" name="next" value={next === "/pricing" ? "/pricing" : "/billing"} />
          <label className="block text-sm font-medium">
            {t("billing_sign_in_email")}
            <input name="email" type="email" autoComplete="email" required className={field} />
          </label>
          <label className="block text-sm font-medium">
            {t("billing_sign_in_password")}
            <input name="password" type="password" autoComplete="current-password" required className={field} />
          </label>
          <Button type="submit" className="w-full">
            {t("billing_sign_in_submit")}
          </Button>
        </form>
      </Card>
    </div>
  );
}
