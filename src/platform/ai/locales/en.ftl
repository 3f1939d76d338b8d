ai-notice-daily-cap =
    ℹ️ You have used today's AI allowance, so until tomorrow I answer with simple built-in rules: dates, tasks and notes by keywords still work, free conversation does not.
ai-notice-unavailable =
    ℹ️ The language model is not answering right now, so for the moment I answer with simple built-in rules. Nothing you send is lost.
