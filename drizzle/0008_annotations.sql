CREATE TABLE `annotation_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` integer NOT NULL,
	`position` integer NOT NULL,
	`source_key` text NOT NULL,
	`pair_id` integer,
	`dataset_item_id` integer,
	`category` text,
	`filter_status` text,
	`prompt` text NOT NULL,
	`first_text` text NOT NULL,
	`second_text` text NOT NULL,
	`reference` text,
	`swapped` integer NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `annotation_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`dataset_item_id`) REFERENCES `dataset_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annotation_items_set_source_unique` ON `annotation_items` (`set_id`,`source_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `annotation_items_set_position_unique` ON `annotation_items` (`set_id`,`position`);--> statement-breakpoint
CREATE INDEX `annotation_items_pair_idx` ON `annotation_items` (`pair_id`);--> statement-breakpoint
CREATE INDEX `annotation_items_dataset_item_idx` ON `annotation_items` (`dataset_item_id`);--> statement-breakpoint
CREATE TABLE `annotation_reveals` (
	`item_id` integer NOT NULL,
	`annotator` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`item_id`, `annotator`),
	FOREIGN KEY (`item_id`) REFERENCES `annotation_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `annotation_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`run_id` integer,
	`dataset_id` integer,
	`judge_job_id` integer,
	`iteration` integer,
	`labels_per_item` integer DEFAULT 1 NOT NULL,
	`seed` integer NOT NULL,
	`description` text NOT NULL,
	`item_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`judge_job_id`) REFERENCES `judge_jobs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annotation_sets_name_unique` ON `annotation_sets` (`name`);--> statement-breakpoint
CREATE INDEX `annotation_sets_run_idx` ON `annotation_sets` (`run_id`);--> statement-breakpoint
CREATE INDEX `annotation_sets_dataset_idx` ON `annotation_sets` (`dataset_id`);--> statement-breakpoint
CREATE INDEX `annotation_sets_job_idx` ON `annotation_sets` (`judge_job_id`);--> statement-breakpoint
CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`annotator` text NOT NULL,
	`choice` text NOT NULL,
	`swapped` integer NOT NULL,
	`note` text,
	`time_ms` integer,
	`imported` integer DEFAULT false NOT NULL,
	`blind` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `annotation_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `annotation_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annotations_item_annotator_unique` ON `annotations` (`item_id`,`annotator`);--> statement-breakpoint
CREATE INDEX `annotations_set_annotator_idx` ON `annotations` (`set_id`,`annotator`,`choice`);