"""Names of the session-state keys pages share (one place, no stray strings)."""

USER = "cm_user"
LAST_SEEN = "cm_last_seen"
FLASH = "cm_flash"
PURPOSE = "cm_purpose"
FOCUS_NODE = "cm_focus_node"
PROFILE_ID = "cm_profile_id"
MEETING_ID = "cm_meeting_id"
