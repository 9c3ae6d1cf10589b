// MirrorPlanManifest: see ../shared/design/architecture.md (Modules). Replaced by the module's first real file.
