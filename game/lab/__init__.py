"""The balance lab: many seeded games with computer-run actors, and what they tell an author."""
