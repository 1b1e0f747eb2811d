"""Cases the web tests drive the wizard with."""

# a dog dreaming: every answer points to normal sleep twitching
DREAMING = {
    "dog": {"age_years": 4.0, "sex": "female", "pregnant_or_nursing": False},
    "episode": {
        "context": "asleep",
        "body_area": ["hind_leg"],
        "duration": "seconds",
        "aware": "yes",
        "afterwards": "normal",
        "pattern": "occasional",
        "stops_when_distracted": "yes",
        "trigger": "none_noticed",
    },
    "history": {
        "recent_heavy_exercise": False,
        "new_food_or_medication": False,
        "low_water_intake": False,
        "hot_weather_or_overheated": False,
        "possible_toxin": "no",
    },
    "signs": [],
}
# a dog that collapsed and cannot breathe properly
COLLAPSED = {
    "episode": {"context": "any_time", "duration": "over_5_minutes", "aware": "no"},
    "history": {"possible_toxin": "yes"},
    "signs": ["collapse", "breathing_difficulty", "paddling_or_chomping"],
}
