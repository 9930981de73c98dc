CREATE TABLE `sim_files` (
	`id` text PRIMARY KEY NOT NULL,
	`filename` text NOT NULL,
	`purpose` text NOT NULL,
	`bytes` integer NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sim_fine_tuning_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`model` text NOT NULL,
	`training_file` text NOT NULL,
	`method` text NOT NULL,
	`suffix` text,
	`status` text NOT NULL,
	`fine_tuned_model` text,
	`error` text,
	`trained_examples` integer,
	`skipped_examples` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `sim_fine_tuning_jobs_status_idx` ON `sim_fine_tuning_jobs` (`status`);--> statement-breakpoint
CREATE TABLE `sim_models` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_model` text,
	`weights` text NOT NULL,
	`examples_seen` integer DEFAULT 0 NOT NULL,
	`faults` text,
	`created_at` integer NOT NULL
);
