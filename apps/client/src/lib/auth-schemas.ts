import { z } from "zod";

// Better Auth validates these on the server (email and password only, no zod schema to import);
// these mirror its rules (password 10 to 128 characters) so the form can say so before sending.
const emailSchema = z.email().max(254);
const passwordSchema = z.string().min(10).max(128);

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(128) });
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z.object({ name: z.string().trim().min(1).max(100), email: emailSchema, password: passwordSchema });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const updateNameSchema = signUpSchema.pick({ name: true });
export type UpdateNameInput = z.infer<typeof updateNameSchema>;

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema, revokeOtherSessions: z.boolean() });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
