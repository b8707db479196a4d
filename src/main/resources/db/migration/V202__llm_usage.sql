-- the language model's daily budget, shared by every node: one row a day
CREATE TABLE llm_usage (
    day        date PRIMARY KEY,
    calls      integer NOT NULL,
    characters bigint  NOT NULL
);
