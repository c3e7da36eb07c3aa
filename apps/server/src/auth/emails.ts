import type { Mail } from "../services/mail/index.ts";

/** The invitation to a workspace; the link opens the client's accept page. */
export function invitationMail(params: { to: string; invitationId: string; workspaceName: string; inviterName: string; role: string; clientUrl: string }): Mail {
  const link = `${params.clientUrl}/invite/${params.invitationId}`;
  return {
    to: params.to,
    subject: `${params.inviterName} invited you to ${params.workspaceName} on NexisChat`,
    text: `${params.inviterName} invited you to join the workspace "${params.workspaceName}" on NexisChat as ${params.role}.\n\nAccept the invitation: ${link}\n\nIf you did not expect this, ignore this email.`,
    link,
  };
}

/** The password reset; `url` is Better Auth's, which checks the token and sends the user on. */
export function resetPasswordMail(params: { to: string; url: string }): Mail {
  return {
    to: params.to,
    subject: "Reset your NexisChat password",
    text: `Someone asked to reset the password of your NexisChat account.\n\nChoose a new password: ${params.url}\n\nIf it was not you, ignore this email; your password stays as it is.`,
    link: params.url,
  };
}

/** The address check sent at sign-up; `url` is Better Auth's, which marks the email verified. */
export function verifyEmailMail(params: { to: string; name: string; url: string }): Mail {
  return {
    to: params.to,
    subject: "Confirm your email for NexisChat",
    text: `Hi ${params.name},\n\nConfirm that this is your email address: ${params.url}\n\nIf you did not sign up for NexisChat, ignore this email.`,
    link: params.url,
  };
}
