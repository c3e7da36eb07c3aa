import { m } from "@nexis/i18n/messages";
import { Spinner } from "@nexis/ui";
import type { ReactNode } from "react";
import { authClient } from "../../lib/auth-client.ts";
import { LanguageSwitcher } from "../language-switcher.tsx";
import { PasswordForm } from "./password-form.tsx";
import { ProfileNameForm } from "./profile-name-form.tsx";
import { SessionsList } from "./sessions-list.tsx";
import { SettingsPage } from "./settings-page.tsx";

/** The signed-in person's own settings: name, password, where they are signed in, language. */
export function ProfileSettings() {
  const session = authClient.useSession();
  return (
    <SettingsPage title={m.settings_profile()}>
      {!session.data ? (
        <Spinner label={m.common_loading()} />
      ) : (
        <>
          <ProfileNameForm name={session.data.user.name} />
          <Section title={m.profile_password_title()}>
            <PasswordForm />
          </Section>
          <Section title={m.profile_sessions_title()}>
            <SessionsList currentToken={session.data.session.token} />
          </Section>
          <Section title={m.profile_language_title()}>
            <LanguageSwitcher />
          </Section>
        </>
      )}
    </SettingsPage>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 border-t border-slate-200 pt-5 dark:border-slate-800">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
