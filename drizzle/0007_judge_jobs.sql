CREATE TABLE `judge_comparisons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`round` integer NOT NULL,
	`slot` integer NOT NULL,
	`first` integer NOT NULL,
	`second` integer NOT NULL,
	`winner` integer,
	`decided_by` text,
	FOREIGN KEY (`job_id`) REFERENCES `judge_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `dataset_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `judge_comparisons_job_item_round_slot_unique` ON `judge_comparisons` (`job_id`,`item_id`,`round`,`slot`);--> statement-breakpoint
CREATE INDEX `judge_comparisons_job_round_idx` ON `judge_comparisons` (`job_id`,`decided_by`,`round`);--> statement-breakpoint
CREATE TABLE `judge_item_results` (
	`job_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`best` integer,
	`ranking` text,
	`vote_share` real,
	`consistent` integer,
	`votes_first` integer DEFAULT 0 NOT NULL,
	`votes_second` integer DEFAULT 0 NOT NULL,
	`votes_tie` integer DEFAULT 0 NOT NULL,
	`votes_unparsed` integer DEFAULT 0 NOT NULL,
	`label` text,
	`category` text,
	`agrees` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`job_id`, `item_id`),
	FOREIGN KEY (`job_id`) REFERENCES `judge_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `dataset_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `judge_item_results_job_verdict_idx` ON `judge_item_results` (`job_id`,`verdict`,`category`);--> statement-breakpoint
CREATE TABLE `judge_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`config` text NOT NULL,
	`judge` text NOT NULL,
	`dataset_id` integer NOT NULL,
	`judge_backend_id` integer NOT NULL,
	`parent_job_id` integer,
	`item_count` integer NOT NULL,
	`max_responses` integer NOT NULL,
	`planned_comparisons` integer NOT NULL,
	`planned_judgments` integer NOT NULL,
	`status_reason` text,
	`progress` text,
	`lease_owner` text,
	`lease_expires_at` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`judge_backend_id`) REFERENCES `backends`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`parent_job_id`) REFERENCES `judge_jobs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `judge_jobs_status_idx` ON `judge_jobs` (`status`);--> statement-breakpoint
CREATE INDEX `judge_jobs_dataset_idx` ON `judge_jobs` (`dataset_id`);--> statement-breakpoint
CREATE TABLE `judge_judgments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`comparison_id` integer NOT NULL,
	`first_position` text NOT NULL,
	`sample` integer NOT NULL,
	`verdict` text,
	`choice` text NOT NULL,
	`trace` text NOT NULL,
	`finish_reason` text,
	`truncated` integer DEFAULT false NOT NULL,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`latency_ms` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `judge_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comparison_id`) REFERENCES `judge_comparisons`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "judge_judgments_sample_nonnegative" CHECK("judge_judgments"."sample" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `judge_judgments_comparison_position_sample_unique` ON `judge_judgments` (`comparison_id`,`first_position`,`sample`);--> statement-breakpoint
CREATE INDEX `judge_judgments_job_tokens_idx` ON `judge_judgments` (`job_id`,`prompt_tokens`,`completion_tokens`);--> statement-breakpoint
ALTER TABLE `dataset_items` ADD `responses` text;--> statement-breakpoint
ALTER TABLE `dataset_items` ADD `label` text;--> statement-breakpoint
ALTER TABLE `datasets` ADD `response_names` text;