module example.com/querybuilder

go 1.19
