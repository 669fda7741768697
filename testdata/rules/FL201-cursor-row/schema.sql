CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(120), full_name VARCHAR(120));
CREATE TABLE teams (id INT PRIMARY KEY, team_leader_id INT REFERENCES users(id));
CREATE TABLE team_members (id INT PRIMARY KEY, team_id INT REFERENCES teams(id), user_id INT REFERENCES users(id), status VARCHAR(20));
