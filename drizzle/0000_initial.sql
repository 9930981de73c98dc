CREATE TABLE `backends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`preset` text NOT NULL,
	`base_urls` text NOT NULL,
	`api_key_env` text,
	`max_in_flight` integer NOT NULL,
	`requests_per_minute` integer,
	`tokens_per_minute` integer,
	`timeout_ms` integer NOT NULL,
	`supports_n` integer DEFAULT false NOT NULL,
	`supports_fine_tuning` integer DEFAULT false NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "backends_max_in_flight_positive" CHECK("backends"."max_in_flight" > 0),
	CONSTRAINT "backends_timeout_positive" CHECK("backends"."timeout_ms" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `backends_name_unique` ON `backends` (`name`);--> statement-breakpoint
CREATE TABLE `dataset_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`position` integer NOT NULL,
	`source_id` text NOT NULL,
	`subset` text,
	`category` text,
	`prompt` text NOT NULL,
	`messages` text,
	`chosen` text,
	`rejected` text,
	`metadata` text,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dataset_items_dataset_source_id_unique` ON `dataset_items` (`dataset_id`,`source_id`);--> statement-breakpoint
CREATE INDEX `dataset_items_dataset_subset_idx` ON `dataset_items` (`dataset_id`,`subset`);--> statement-breakpoint
CREATE INDEX `dataset_items_dataset_position_idx` ON `dataset_items` (`dataset_id`,`position`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`format` text NOT NULL,
	`content_hash` text NOT NULL,
	`row_count` integer NOT NULL,
	`description` text,
	`builtin` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_name_unique` ON `datasets` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_kind_content_hash_unique` ON `datasets` (`kind`,`content_hash`);--> statement-breakpoint
CREATE TABLE `eval_judgments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`iteration_id` integer NOT NULL,
	`dataset_item_id` integer NOT NULL,
	`good_position` text NOT NULL,
	`sample` integer NOT NULL,
	`verdict` text,
	`outcome` text NOT NULL,
	`trace` text NOT NULL,
	`finish_reason` text,
	`truncated` integer DEFAULT false NOT NULL,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`latency_ms` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_item_id`) REFERENCES `dataset_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "eval_judgments_sample_nonnegative" CHECK("eval_judgments"."sample" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_judgments_iteration_item_position_sample_unique` ON `eval_judgments` (`iteration_id`,`dataset_item_id`,`good_position`,`sample`);--> statement-breakpoint
CREATE INDEX `eval_judgments_iteration_outcome_idx` ON `eval_judgments` (`iteration_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `eval_judgments_item_idx` ON `eval_judgments` (`dataset_item_id`);--> statement-breakpoint
CREATE TABLE `eval_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`iteration_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	`subset` text NOT NULL,
	`item_count` integer NOT NULL,
	`score_sum` real NOT NULL,
	`accuracy` real NOT NULL,
	`ties` integer DEFAULT 0 NOT NULL,
	`unparsed` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_results_iteration_dataset_subset_unique` ON `eval_results` (`iteration_id`,`dataset_id`,`subset`);--> statement-breakpoint
CREATE TABLE `instruction_classifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`dataset_item_id` integer NOT NULL,
	`category` text,
	`raw_output` text NOT NULL,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_item_id`) REFERENCES `dataset_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instruction_classifications_run_item_unique` ON `instruction_classifications` (`run_id`,`dataset_item_id`);--> statement-breakpoint
CREATE TABLE `iterations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`index` integer NOT NULL,
	`judge_backend_id` integer,
	`judge_model` text NOT NULL,
	`demonstration_judgment_ids` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`stage` text,
	`stats` text,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_backend_id`) REFERENCES `backends`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "iterations_index_nonnegative" CHECK("iterations"."index" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `iterations_run_index_unique` ON `iterations` (`run_id`,`index`);--> statement-breakpoint
CREATE TABLE `judgments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`iteration_id` integer NOT NULL,
	`pair_id` integer NOT NULL,
	`good_position` text NOT NULL,
	`sample` integer NOT NULL,
	`verdict` text,
	`outcome` text NOT NULL,
	`trace` text NOT NULL,
	`finish_reason` text,
	`truncated` integer DEFAULT false NOT NULL,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`latency_ms` integer DEFAULT 0 NOT NULL,
	`filter_status` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "judgments_sample_nonnegative" CHECK("judgments"."sample" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `judgments_iteration_pair_position_sample_unique` ON `judgments` (`iteration_id`,`pair_id`,`good_position`,`sample`);--> statement-breakpoint
CREATE INDEX `judgments_iteration_outcome_idx` ON `judgments` (`iteration_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `judgments_pair_idx` ON `judgments` (`pair_id`);--> statement-breakpoint
CREATE TABLE `pairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`dataset_item_id` integer NOT NULL,
	`status` text NOT NULL,
	`drop_reason` text,
	`good_response` text NOT NULL,
	`modified_instruction` text,
	`worse_response` text,
	`raw_worse_output` text,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_item_id`) REFERENCES `dataset_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairs_run_item_unique` ON `pairs` (`run_id`,`dataset_item_id`);--> statement-breakpoint
CREATE INDEX `pairs_run_status_idx` ON `pairs` (`run_id`,`status`);--> statement-breakpoint
CREATE TABLE `run_backends` (
	`run_id` integer NOT NULL,
	`backend_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`run_id`, `backend_id`, `role`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`backend_id`) REFERENCES `backends`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `run_backends_backend_idx` ON `run_backends` (`backend_id`);--> statement-breakpoint
CREATE TABLE `run_datasets` (
	`run_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`run_id`, `dataset_id`, `role`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `run_datasets_dataset_idx` ON `run_datasets` (`dataset_id`);--> statement-breakpoint
CREATE TABLE `run_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`iteration_index` integer,
	`stage` text,
	`level` text NOT NULL,
	`kind` text,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `run_events_run_created_idx` ON `run_events` (`run_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `run_instructions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`dataset_item_id` integer NOT NULL,
	`category` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_item_id`) REFERENCES `dataset_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_instructions_run_item_unique` ON `run_instructions` (`run_id`,`dataset_item_id`);--> statement-breakpoint
CREATE INDEX `run_instructions_run_position_idx` ON `run_instructions` (`run_id`,`position`);--> statement-breakpoint
CREATE TABLE `run_leases` (
	`run_id` integer PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`acquired_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`config` text NOT NULL,
	`seed` integer NOT NULL,
	`current_iteration` integer,
	`current_stage` text,
	`status_reason` text,
	`cloned_from_run_id` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cloned_from_run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `runs_status_idx` ON `runs` (`status`);--> statement-breakpoint
CREATE INDEX `runs_created_at_idx` ON `runs` (`created_at`);--> statement-breakpoint
CREATE TABLE `training_examples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`iteration_id` integer NOT NULL,
	`pair_id` integer NOT NULL,
	`good_position` text NOT NULL,
	`chosen_judgment_id` integer NOT NULL,
	`rejected_judgment_id` integer,
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`chosen_judgment_id`) REFERENCES `judgments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rejected_judgment_id`) REFERENCES `judgments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_examples_iteration_pair_position_unique` ON `training_examples` (`iteration_id`,`pair_id`,`good_position`);--> statement-breakpoint
CREATE TABLE `training_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`iteration_id` integer NOT NULL,
	`trainer` text NOT NULL,
	`method` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`base_model` text NOT NULL,
	`result_model` text,
	`result_backend_id` integer,
	`external_file_id` text,
	`external_job_id` text,
	`example_count` integer DEFAULT 0 NOT NULL,
	`log` text,
	`error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`iteration_id`) REFERENCES `iterations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`result_backend_id`) REFERENCES `backends`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_jobs_iteration_unique` ON `training_jobs` (`iteration_id`);