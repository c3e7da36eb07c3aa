DROP INDEX "chat_workspace_last_message_idx";--> statement-breakpoint
DROP INDEX "message_chat_timestamp_idx";--> statement-breakpoint
DROP INDEX "message_workspace_idx";--> statement-breakpoint
CREATE INDEX "chat_workspace_sort_idx" ON "chat" USING btree ("workspace_id","archived",coalesce("last_message_at", "created_at"),"id");--> statement-breakpoint
CREATE INDEX "message_chat_timestamp_id_idx" ON "message" USING btree ("chat_id","timestamp","id");--> statement-breakpoint
CREATE INDEX "message_workspace_timestamp_id_idx" ON "message" USING btree ("workspace_id","timestamp","id");