"""Preview panes for one exhibit: image, chat transcript, trace timeline, PDF pages."""
